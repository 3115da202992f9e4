/** Inputs of the desktop app's first-start choice (issue 18): 连接到主机 with the host's address and pairing code. */
import { z } from 'zod';
import { requiredText } from './fields';
import { hostUrl } from '../domain/desk-choice';
import { pairInput } from './lan.schema';

export const chooseHostInput = z.strictObject({
  /** As the host's page shows it: `192.168.1.20:5179` (the port defaults to 5179). */
  address: requiredText(200).refine((a) => hostUrl(a) !== null, { error: 'validation.hostAddress' }),
  code: pairInput.shape.code,
  deskName: pairInput.shape.deskName,
});
