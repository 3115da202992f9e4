/** A host certificate's SHA-256 fingerprint in four lines of eight bytes, as the host page and the pairing desk both show it. */
import { Code } from '@mantine/core';
import { fingerprintLines } from '../../../shared/domain/lan';

export function FingerprintCode({ fingerprint, testId }: { fingerprint: string; testId: string }) {
  return (
    <Code block data-testid={testId}>
      {fingerprintLines(fingerprint).map((line) => (
        <span key={line} style={{ display: 'block' }}>
          {line}
        </span>
      ))}
    </Code>
  );
}
