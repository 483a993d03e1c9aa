import { NavLink, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { LockIcon } from '../../components/icons';
import type { NavItem, PageId } from './nav';

/** One titled group of navigation links (buttons, so they are in the tab order). */
export function NavSection({
  title,
  items,
  active,
  locked,
  onSelect,
  onIntent,
  onPress,
}: {
  title: string;
  items: NavItem[];
  active: PageId;
  /** Show a lock on admin-only items. */
  locked: boolean;
  onSelect: (id: PageId) => void;
  /** The pointer or focus reached a link: a click is likely (used to load the page's code ahead). */
  onIntent?: (id: PageId) => void;
  /** A link was pressed (main button down): its click follows on release (used to ask for the page's data). */
  onPress?: (id: PageId) => void;
}) {
  const headingId = useId();
  return (
    <Stack gap={2} mb="md" component="section" aria-labelledby={headingId}>
      <Text id={headingId} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4}>
        {title}
      </Text>
      {items.map((item) => (
        <NavLink
          key={item.id}
          component="button"
          type="button"
          label={item.label}
          active={item.id === active}
          aria-current={item.id === active ? 'page' : undefined}
          title={locked && item.adminOnly ? 'Admin page: needs the admin unlock' : undefined}
          rightSection={locked && item.adminOnly ? <LockIcon size={14} /> : undefined}
          onClick={() => onSelect(item.id)}
          onPointerDown={(e) => {
            if (e.button === 0) onPress?.(item.id);
          }}
          onMouseEnter={() => onIntent?.(item.id)}
          onFocus={() => onIntent?.(item.id)}
        />
      ))}
    </Stack>
  );
}
