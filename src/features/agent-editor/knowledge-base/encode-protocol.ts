/** Messages between the page and the encode worker. */

export interface ByteRange {
  start: number;
  end: number;
}

export type EncodeRequest =
  /** `range`: only these bytes of `file`, [start, end) (a part of a large file; the worker slices it, not the page). */
  | { type: 'encode'; id: string; file: Blob; range?: ByteRange }
  | { type: 'cancel'; id: string };

export type EncodeResponse =
  | { type: 'progress'; id: string; loaded: number; total: number }
  /** `base64` is a Blob of the base64 text: it never becomes one big string on the page. */
  | { type: 'done'; id: string; base64: Blob }
  | { type: 'error'; id: string; message: string; cancelled: boolean };
