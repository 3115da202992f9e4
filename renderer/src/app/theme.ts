import type { FocusEvent } from 'react';
import { createTheme, Select } from '@mantine/core';

const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif';

export const theme = createTheme({
  fontFamily: FONT,
  headings: { fontFamily: FONT, fontWeight: '600' },
  primaryColor: 'blue',
  defaultRadius: 'sm',
  components: {
    // Typing in a drop-down replaces what it shows (not "电话现", which matches nothing) and highlights
    // the first match, so Enter takes what the clerk sees highlighted. Enter on the option already chosen
    // keeps it (it cleared it before); clearing is the × of a clearable drop-down.
    Select: Select.extend({
      defaultProps: { selectFirstOptionOnChange: true, allowDeselect: false, onFocus: (e: FocusEvent<HTMLInputElement>) => e.currentTarget.select() },
    }),
  },
});
