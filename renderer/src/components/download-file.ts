/** Saves bytes the core built as a file: a Blob behind an `<a download>` (browser mode; Electron's default download works too for now). */
export function downloadBase64(fileName: string, dataBase64: string, type: string): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  save(fileName, new Blob([bytes], { type }));
}

/** Text the renderer made itself (e.g. an import template). */
export function downloadText(fileName: string, text: string, type: string): void {
  save(fileName, new Blob([text], { type }));
}

function save(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
