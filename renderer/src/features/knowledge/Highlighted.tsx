import { Mark } from '@mantine/core';
import { highlightParts } from '../../../../shared/domain/knowledge';

/** Text with the search words (and their synonyms) marked. */
export function Highlighted({ text, marks }: { text: string; marks: readonly string[] }) {
  return (
    <>
      {highlightParts(text, marks).map((p, i) =>
        p.hit ? (
          <Mark key={i} color="yellow" data-testid="hit-mark">
            {p.text}
          </Mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
