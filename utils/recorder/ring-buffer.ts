/** A fixed-size buffer that keeps the newest entries and counts the ones it had to drop. */
export interface RingBuffer<T> {
  push(entry: T): void;
  last(): T | undefined;
  toArray(): T[];
  readonly dropped: number;
}

export function createRingBuffer<T>(capacity: number): RingBuffer<T> {
  const slots: T[] = new Array(capacity);
  let next = 0;
  let size = 0;
  let dropped = 0;
  return {
    push(entry) {
      if (size === capacity) dropped++;
      else size++;
      slots[next] = entry;
      next = (next + 1) % capacity;
    },
    last() {
      return size ? slots[(next - 1 + capacity) % capacity] : undefined;
    },
    toArray() {
      const out: T[] = new Array(size);
      const start = (next - size + capacity) % capacity;
      for (let i = 0; i < size; i++) out[i] = slots[(start + i) % capacity];
      return out;
    },
    get dropped() {
      return dropped;
    },
  };
}
