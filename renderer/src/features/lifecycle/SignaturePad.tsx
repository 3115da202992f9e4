import { useRef } from 'react';
import { Box, Button, Group, Input, Text } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string | null;
  onChange: (dataUrl: string | null) => void;
  error?: string;
  hint?: string;
  /** The phone's pad: the whole width of the screen, taller, a thicker line and a larger clear button. */
  large?: boolean;
}

const DESK = { width: 460, height: 160, line: 2.5 };
const PHONE = { width: 600, height: 360, line: 4 };

/**
 * A drawn signature: pointer events on a canvas (mouse, pen or finger), exported as a PNG data URL. The
 * canvas keeps its own pixel size and is drawn at any width: points are scaled from the screen to it.
 */
export function SignaturePad({ value, onChange, error, hint, large = false }: Props) {
  const { t } = useTranslation();
  const { width, height, line } = large ? PHONE : DESK;
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * width) / r.width, y: ((e.clientY - r.top) * height) / r.height };
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
    ctx.lineWidth = line;
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
    canvas.current?.getContext('2d')?.clearRect(0, 0, width, height);
    onChange(null);
  }

  return (
    <Input.Wrapper label={t('ui.lifecycle.signature.label')} description={hint} error={error} required>
      <Box
        mt={4}
        style={{ border: `1px ${value ? 'solid' : 'dashed'} var(--mantine-color-${error ? 'red-6' : 'gray-5'})`, borderRadius: 4, width: large ? '100%' : width, background: 'white' }}
      >
        <canvas
          ref={canvas}
          width={width}
          height={height}
          style={{ display: 'block', width: large ? '100%' : width, height: large ? 'auto' : height, aspectRatio: `${width} / ${height}`, touchAction: 'none', cursor: 'crosshair' }}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
          data-testid="signature-canvas"
          data-signed={value ? 'yes' : 'no'}
        />
      </Box>
      <Group justify="space-between" mt={4} w={large ? '100%' : width}>
        <Text size="xs" c="dimmed">
          {value ? '✓' : ''}
        </Text>
        <Button size={large ? 'md' : 'compact-xs'} h={large ? 44 : undefined} variant="subtle" leftSection={<IconEraser size={large ? 18 : 12} />} onClick={clear} data-testid="signature-clear" data-skip-enter>
          {t('ui.lifecycle.signature.clear')}
        </Button>
      </Group>
    </Input.Wrapper>
  );
}
