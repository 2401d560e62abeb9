import { Title, type TitleOrder } from '@mantine/core';
import { useEffect, useRef } from 'react';

/**
 * The page's main heading. On mount it sets the document title and takes focus, so that
 * a screen reader announces the new page after client-side navigation.
 */
export function PageTitle({ children, order = 1, focus = true }: { children: string; order?: TitleOrder; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · Steward`;
    if (focus) ref.current?.focus({ preventScroll: false });
  }, [children, focus]);
  return (
    <Title order={order} ref={ref} tabIndex={-1} mb="md" style={{ outline: 'none' }}>
      {children}
    </Title>
  );
}
