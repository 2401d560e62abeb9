import { ApiError, type Problem } from './problem';

export interface UploadField {
  name: string;
  value: string | Blob;
  fileName?: string;
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A multipart POST that reports how much of the body has been sent. fetch() cannot report upload
 * progress, so this uses XMLHttpRequest. Fields go in the order given: the server reads them as a
 * stream, and some must come before the file.
 */
export function uploadForm<T>(path: string, fields: UploadField[], onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  const body = new FormData();
  for (const field of fields) {
    if (typeof field.value === 'string') body.append(field.name, field.value);
    else body.append(field.name, field.value, field.fileName);
  }
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError({ title: 'The server cannot be reached. Check your connection and try again.' }, 0));
    xhr.onabort = () => reject(new ApiError({ title: 'The upload was cancelled.' }, 0));
    xhr.onload = () => {
      const data = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const problem: Problem = data && typeof data === 'object' ? (data as Problem) : { title: xhr.statusText || `Upload failed (${xhr.status})` };
      reject(new ApiError(problem, xhr.status));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(body);
  });
}

/** A byte count for people, in the binary units the server's limits are set in: "812 B", "14.2 KB", "10 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) || value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
