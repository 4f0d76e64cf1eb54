/** A download link for bytes or text, made in the browser (nothing is sent anywhere). */
export function download(name: string, content: Uint8Array | string, type: string, label: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  a.download = name;
  a.textContent = label;
  a.dataset.download = name.split(".").pop()!;
  return a;
}
