// A screen's heading. It takes focus when the screen opens, so keyboard and screen-reader users land on it.
import { Group, Title } from '@mantine/core';
import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';

export function PageHeader({ title, actions }: { title: string; actions?: ReactNode }): ReactElement {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [title]);
  return (
    <Group justify="space-between" className="page-header">
      <Title order={1} ref={ref} tabIndex={-1} className="page-title">
        {title}
      </Title>
      {actions}
    </Group>
  );
}
