/**
 * Who is editing which record right now (issue 18: "正在由 X 编辑"), held in memory by the host: an open edit
 * form says so every half minute and when it closes; a form whose desk vanished is forgotten after EXPIRES_MS.
 */
export const EXPIRES_MS = 90_000;

interface Mark {
  userId: number;
  name: string;
  sessionId: string;
  at: number;
}

export class Presence {
  private readonly byRecord = new Map<string, Mark[]>();

  constructor(private readonly now: () => Date) {}

  /** Returns whether the record's editors changed (others are told then). */
  set(record: string, mark: Omit<Mark, 'at'>, editing: boolean): boolean {
    const now = this.now().getTime();
    const marks = this.live(record).filter((m) => m.sessionId !== mark.sessionId);
    const changed = editing !== this.live(record).some((m) => m.sessionId === mark.sessionId);
    if (editing) marks.push({ ...mark, at: now });
    if (marks.length > 0) this.byRecord.set(record, marks);
    else this.byRecord.delete(record);
    return changed;
  }

  /** The names editing the record, other than the asking session. */
  editors(record: string, sessionId: string | null): string[] {
    return [...new Set(this.live(record).filter((m) => m.sessionId !== sessionId).map((m) => m.name))];
  }

  private live(record: string): Mark[] {
    const now = this.now().getTime();
    return (this.byRecord.get(record) ?? []).filter((m) => now - m.at <= EXPIRES_MS);
  }
}
