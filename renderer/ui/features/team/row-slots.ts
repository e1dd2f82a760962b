/**
 * Which of the table's row elements shows each rendered agent. An agent rendered before keeps its
 * row, so focus, hover and an open menu's anchor stay with them; a row freed by an agent who left the
 * rendered range goes to one who arrived. React then updates that row's words in place instead of
 * removing one row and building another, which is what a sort or filter over a large team costs.
 */
export function assignRowSlots(
  previous: ReadonlyMap<string, number>,
  agentIds: ReadonlyArray<string>,
): ReadonlyMap<string, number> {
  const slots = new Map<string, number>();
  const taken = new Set<number>();
  for (const id of agentIds) {
    const slot = previous.get(id);
    if (slot !== undefined && !slots.has(id)) {
      slots.set(id, slot);
      taken.add(slot);
    }
  }
  const free = [...new Set(previous.values())].filter((slot) => !taken.has(slot)).sort((a, b) => a - b);
  let next = Math.max(-1, ...previous.values(), ...taken) + 1;
  for (const id of agentIds) {
    if (slots.has(id)) continue;
    const slot = free.shift() ?? next++;
    slots.set(id, slot);
  }
  return slots;
}
