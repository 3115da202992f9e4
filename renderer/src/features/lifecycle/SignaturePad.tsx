import { useRef } from 'react';
import { Box, Button, Group, Input, Text } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string | null;
  onChange: (dataUrl: string | null) => void;
  error?: string;
  hint?: string;
}

const WIDTH = 460;
const HEIGHT = 160;

/** A drawn signature: pointer events on a canvas (mouse, pen or finger), exported as a PNG data URL. */
export function SignaturePad({ value, onChange, error, hint }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * WIDTH) / r.width, y: ((e.clientY - r.top) * HEIGHT) / r.height };
  };

  function down(e: React.PointerEvent<HTMLCanvasElement>) {
    e.currentTarget.setPointerCapture(e.pointerId);
    last.current = point(e);
  }

  function move(e: React.PointerEvent<HTMLCanvasElement>) {
    const from = last.current;
    const ctx = e.currentTarget.getContext('2d');
    if (!from || !ctx) return;
    const to = point(e);
    ctx.strokeStyle = '#1a1b1e';
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
    last.current = to;
  }

  function up(e: React.PointerEvent<HTMLCanvasElement>) {
    if (!last.current) return;
    last.current = null;
    onChange(e.currentTarget.toDataURL('image/png'));
  }

  function clear() {
    canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    onChange(null);
  }

  return (
    <Input.Wrapper label={t('ui.lifecycle.signature.label')} description={hint} error={error} required>
      <Box
        mt={4}
        style={{ border: `1px ${value ? 'solid' : 'dashed'} var(--mantine-color-${error ? 'red-6' : 'gray-5'})`, borderRadius: 4, width: WIDTH, background: 'white' }}
      >
        <canvas
          ref={canvas}
          width={WIDTH}
          height={HEIGHT}
          style={{ display: 'block', width: WIDTH, height: HEIGHT, touchAction: 'none', cursor: 'crosshair' }}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
          data-testid="signature-canvas"
          data-signed={value ? 'yes' : 'no'}
        />
      </Box>
      <Group justify="space-between" mt={4} w={WIDTH}>
        <Text size="xs" c="dimmed">
          {value ? '✓' : ''}
        </Text>
        <Button size="compact-xs" variant="subtle" leftSection={<IconEraser size={12} />} onClick={clear} data-testid="signature-clear" data-skip-enter>
          {t('ui.lifecycle.signature.clear')}
        </Button>
      </Group>
    </Input.Wrapper>
  );
}
