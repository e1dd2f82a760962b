/**
 * Saves text as a file through the page's own download: a save dialog in the desktop app, the
 * downloads folder in a browser. The object URL is let go once the click has started the download.
 */
export function saveTextDownload(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
