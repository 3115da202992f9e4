/**
 * 客户验收 on the phone: the customer picks their satisfaction (nothing preselected), may comment, and signs
 * with a finger on a large pad; the same accept move as the desk's dialog.
 */
import { useState } from 'react';
import { Alert, Button, Input, SimpleGrid, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { moveInput } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { SignaturePad } from '../lifecycle/SignaturePad';
import { satisfactionOptions, type Satisfaction } from '../lifecycle/satisfaction-options';
import { useActionRunner } from '../lifecycle/use-action-runner';
import { PhoneSection } from './PhoneSection';

export function PhoneAcceptance({ ticket: d, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onChanged);
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [unchosen, setUnchosen] = useState(false);
  const [comments, setComments] = useState('');
  const [signature, setSignature] = useState<string | null>(null);

  function submit() {
    setUnchosen(satisfaction === null);
    if (satisfaction === null) return;
    const input = { id: d.id, version: d.version, move: 'accept' as const, satisfaction, comments, signature: signature ?? '' };
    void runner.run(moveInput, input, (i) => call('tickets.move', i), t('ui.lifecycle.move.accept'));
  }

  return (
    <PhoneSection title={t('ui.phone.accept.title')} testId="phone-accept">
      <Input.Wrapper label={t('ui.lifecycle.accept.satisfaction')} required error={unchosen ? t('ui.lifecycle.accept.chooseSatisfaction') : undefined}>
        <SimpleGrid cols={2} spacing="xs" mt={4} role="radiogroup" data-testid="phone-satisfaction">
          {satisfactionOptions(t).map((o) => (
            <Button
              key={o.value}
              h={48}
              role="radio"
              aria-checked={satisfaction === o.value}
              variant={satisfaction === o.value ? 'filled' : 'default'}
              onClick={() => {
                setSatisfaction(o.value);
                setUnchosen(false);
              }}
              data-testid={`phone-satisfaction-${o.value}`}
            >
              {o.label}
            </Button>
          ))}
        </SimpleGrid>
      </Input.Wrapper>
      <Textarea size="md" label={t('ui.lifecycle.accept.comments')} value={comments} onChange={(e) => setComments(e.currentTarget.value)} error={runner.fields.comments} autosize minRows={2} data-testid="phone-accept-comments" />
      <SignaturePad large value={signature} onChange={setSignature} error={runner.fields.signature ? t('ui.lifecycle.signature.required') : undefined} hint={t('ui.phone.accept.sign')} />
      {runner.error && (
        <Alert color="red" role="alert" data-testid="phone-accept-error">
          {runner.error}
        </Alert>
      )}
      <Button fullWidth h={52} color="teal" onClick={submit} loading={runner.busy} data-testid="phone-accept-submit">
        {t('ui.phone.accept.submit')}
      </Button>
    </PhoneSection>
  );
}
