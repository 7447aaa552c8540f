// Saves text as a file through the browser's download: in the dashboard the browser's own download,
// in Electron the default download handler, which shows the native Save dialog.
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once the click is handled; later is only for slow hosts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
