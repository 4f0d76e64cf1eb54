/**
 * A place to drop files, or click to choose them. Its `value` is the chosen files; it
 * dispatches "input" when they change, so a page can `view()` it.
 */
export function dropZone({ label, accept = "" }: { label: string; accept?: string }): HTMLElement & { value: File[] } {
  const zone = document.createElement("div") as unknown as HTMLElement & { value: File[] };
  zone.className = "drop-zone";
  zone.value = [];
  const input = document.createElement("input");
  input.type = "file";
  input.multiple = true;
  input.accept = accept;
  input.id = `drop-${Math.random().toString(36).slice(2)}`;
  const text = document.createElement("label");
  text.htmlFor = input.id;
  text.textContent = label;
  zone.append(text, input);
  const choose = (files: FileList | null) => {
    zone.value = files ? [...files] : [];
    zone.dispatchEvent(new Event("input", { bubbles: true }));
  };
  input.addEventListener("change", (event) => {
    event.stopPropagation();
    choose(input.files);
  });
  input.addEventListener("input", (event) => event.stopPropagation());
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("drop-zone--over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("drop-zone--over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("drop-zone--over");
    choose(event.dataTransfer?.files ?? null);
  });
  return zone;
}
