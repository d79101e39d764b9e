import type { Transport } from './client';

/** Bytes of the request body sent so far, of `total`. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * A transport for `apiFetch` over XMLHttpRequest, for requests whose upload progress the user
 * watches (`fetch` has no upload progress event). It only moves the bytes: headers, errors and
 * parsing stay `apiFetch`'s.
 *
 * @example await apiFetch(agentPath(7), { method: 'PATCH', body, schema, transport: sendWithXhr((p) => console.log(p.loaded / p.total)) })
 */
export function sendWithXhr(onUploadProgress?: (progress: UploadProgress) => void): Transport {
  return ({ method, path, headers, body, signal }) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, path);
      xhr.responseType = 'text';
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);

      const onAbort = () => xhr.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const failed = () => {
        signal?.removeEventListener('abort', onAbort);
        reject(new Error(`${method} ${path} got no answer`));
      };
      if (onUploadProgress) {
        xhr.upload.addEventListener('progress', (event) => {
          if (event.lengthComputable) onUploadProgress({ loaded: event.loaded, total: event.total });
        });
      }
      xhr.addEventListener('abort', failed);
      xhr.addEventListener('error', failed);
      xhr.addEventListener('timeout', failed);
      xhr.addEventListener('load', () => {
        signal?.removeEventListener('abort', onAbort);
        resolve({
          status: xhr.status,
          text: typeof xhr.response === 'string' ? xhr.response : '',
          header: (name) => xhr.getResponseHeader(name),
        });
      });
      xhr.send(body);
    });
}
