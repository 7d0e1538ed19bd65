// A page that a later issue fills: its header and one or two sentences saying what it will hold.
import Box from '@cloudscape-design/components/box';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import type { ReactNode } from 'react';

export interface PagePlaceholderProps {
  readonly title: string;
  readonly children: ReactNode;
}

export function PagePlaceholder({ title, children }: PagePlaceholderProps) {
  return (
    <ContentLayout header={<Header variant="h1">{title}</Header>}>
      <Box variant="p">{children}</Box>
    </ContentLayout>
  );
}
