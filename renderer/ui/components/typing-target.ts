/** Input types where letters are text; on buttons, sliders and checkboxes the shortcuts still work. */
const textInputTypes = new Set([
  'text',
  'search',
  'email',
  'password',
  'url',
  'tel',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

export function isTextInputType(type: string): boolean {
  return textInputTypes.has(type.toLowerCase());
}

/** True where a key press is text: single-key shortcuts must leave it alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    return true;
  }
  return target instanceof HTMLInputElement && isTextInputType(target.type);
}
