import { useState } from 'react';
import { Button, FileButton, Group, Image, Input, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const MAX_BYTES = 300 * 1024;

/** The company logo, kept as a data URL so printed slips can embed it. */
export function LogoField({ value, error, onChange }: { value: string; error?: string | undefined; onChange: (dataUrl: string) => void }) {
  const { t } = useTranslation();
  const [tooBig, setTooBig] = useState(false);

  function pick(file: File | null) {
    if (!file) return;
    if (file.size > MAX_BYTES) return setTooBig(true);
    setTooBig(false);
    const reader = new FileReader();
    reader.onload = () => typeof reader.result === 'string' && onChange(reader.result);
    reader.readAsDataURL(file);
  }

  return (
    <Input.Wrapper label={t('ui.settings.logo')} error={tooBig ? t('ui.settings.logoTooBig') : error}>
      <Group mt={4}>
        {value ? <Image src={value} h={48} w="auto" fit="contain" alt="" /> : <Text size="sm" c="dimmed">—</Text>}
        <FileButton onChange={pick} accept="image/png,image/jpeg,image/svg+xml">
          {(props) => (
            <Button size="xs" variant="default" {...props}>
              {t('ui.settings.logoUpload')}
            </Button>
          )}
        </FileButton>
        {value && (
          <Button size="xs" variant="subtle" color="red" onClick={() => onChange('')}>
            {t('ui.settings.logoRemove')}
          </Button>
        )}
      </Group>
    </Input.Wrapper>
  );
}
