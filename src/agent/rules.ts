/**
 * The formats the API asks for, each with its messages: the form's (said to the user as they
 * type), the server's (the emulator's 400s) and the drop zone's. The form schema, the write
 * schema and the knowledge-base drop zone all check with these, so a rule changes here only.
 */

interface Rule {
  pattern: RegExp;
  /** What the form says. */
  message: string;
  /** What the API says in a 400. */
  serverMessage: string;
}

/** E.164: `+`, then up to 15 digits, the first not 0. */
export const E164_RULE: Rule = {
  pattern: /^\+[1-9]\d{1,14}$/,
  message: 'Use E.164 format, e.g. +14155551234',
  serverMessage: 'Enter a valid phone number in E.164 format.',
};

export const SIP_URI_RULE: Rule = {
  pattern: /^sips?:[^\s@]+@[^\s@]+$/i,
  message: 'Use sip:user@domain or sips:user@domain',
  serverMessage: 'Enter a valid SIP URI.',
};

/** Mock tool names: letters, digits, `_` and `-`, under 64 characters. */
export const MOCK_TOOL_NAME_RULE: Rule = {
  pattern: /^[A-Za-z0-9_-]{1,63}$/,
  message: 'Use letters, digits, _ and - (at most 63 characters)',
  serverMessage: 'Use letters, digits, _ and - only, under 64 characters.',
};

/** Variable names: a letter or `_`, then letters, digits and `_`. */
export const VARIABLE_NAME_RULE: Rule = {
  pattern: /^[A-Za-z_][A-Za-z0-9_]*$/,
  message: 'Start with a letter or _, then letters, digits or _',
  serverMessage: 'Enter a valid variable name.',
};

/** The schemes a URL field takes, with the form's message for each kind of URL. */
export const URL_KINDS = {
  /** Webhooks, trigger and base URLs. */
  http: { protocols: ['http:', 'https:'], message: 'Enter a URL starting with http:// or https://' },
  /** Telephony's raw-PCM websocket. */
  websocket: { protocols: ['ws:', 'wss:'], message: 'Enter a URL starting with ws:// or wss://' },
  /** A provider's server (LiveKit): a websocket or https. */
  server: { protocols: ['wss:', 'ws:', 'https:'], message: 'Enter a URL starting with wss:// or https://' },
} as const satisfies Record<string, { protocols: readonly string[]; message: string }>;
export type UrlKind = keyof typeof URL_KINDS;

/** What the API says of a URL it refuses. */
export const URL_SERVER_MESSAGE = 'Enter a valid URL.';

/** A URL of that kind, with a host: what the form accepts. */
export function isUrlOfKind(value: string, kind: UrlKind): boolean {
  try {
    const url = new URL(value);
    return (URL_KINDS[kind].protocols as readonly string[]).includes(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A URL with one of those schemes: what the API accepts. */
export function hasUrlScheme(value: string, kind: UrlKind): boolean {
  try {
    return (URL_KINDS[kind].protocols as readonly string[]).includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const KB_EXTENSIONS = ['pdf', 'txt', 'json', 'csv', 'xml', 'md'] as const;
const MB = 1024 * 1024;
const KB_MAX_MB = 50;
const extensionList = KB_EXTENSIONS.join(', ');

/** Knowledge-base files: the types the API takes and the size it allows, with every message about them. */
export const KNOWLEDGE_BASE_FILE_RULE = {
  extensions: KB_EXTENSIONS,
  maxBytes: KB_MAX_MB * MB,
  /** The extension of a file name, lower case; `''` when it has none. */
  extensionOf(name: string): string {
    const dot = name.lastIndexOf('.');
    return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  },
  hasAllowedType(name: string): boolean {
    return (KB_EXTENSIONS as readonly string[]).includes(KNOWLEDGE_BASE_FILE_RULE.extensionOf(name));
  },
  messages: {
    type: `Only ${extensionList} files can be uploaded`,
    size: `Files are limited to ${KB_MAX_MB} MB`,
    serverType: `Unsupported file type. Allowed: ${extensionList}.`,
    /** The drop zone's reason for refusing a file of type `ext` (`''`: no extension). */
    droppedType: (ext: string) => `${ext === '' ? 'Files without an extension' : `.${ext} files`} are not accepted; use ${extensionList}`,
    droppedSize: `Larger than ${KB_MAX_MB} MB`,
  },
} as const;
