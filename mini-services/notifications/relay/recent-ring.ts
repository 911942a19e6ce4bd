/**
 * The last `capacity` delivered events, oldest first. It holds every delivered event with an id in
 * (floor, newest]: a socket resuming from an id at or above `floor` replays from memory alone.
 */
export class RecentRing<T extends { id: number }> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private size = 0;

  constructor(
    private readonly capacity: number,
    /** Nothing at or below this id is held (it was delivered before this process, or evicted). */
    public floor: number,
  ) {
    this.items = new Array<T | undefined>(capacity);
  }

  push(item: T): void {
    if (this.size === this.capacity) {
      this.floor = this.at(0).id;
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
    } else {
      this.items[(this.start + this.size) % this.capacity] = item;
      this.size += 1;
    }
  }

  covers(afterId: number): boolean {
    return afterId >= this.floor;
  }

  /** The held items with an id above `afterId`, oldest first. */
  *after(afterId: number): Generator<T> {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid).id <= afterId) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.size; i++) yield this.at(i);
  }

  private at(index: number): T {
    return this.items[(this.start + index) % this.capacity]!;
  }
}
