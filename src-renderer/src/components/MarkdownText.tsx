import { Blockquote, Code, Divider, List, Table, Text, Title, type TitleOrder } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { parseBlocks, parseInline, plainText, type Block, type InlineToken } from '@shared/markdown';

/**
 * Links are shown, not followed: the app window never navigates. A web address is printed after the text
 * unless the text is the address.
 */
function Inline({ tokens }: { tokens: InlineToken[] }): ReactNode {
  return tokens.map((t, i) => {
    switch (t.type) {
      case 'text':
        return <Fragment key={i}>{t.text}</Fragment>;
      case 'code':
        return <Code key={i}>{t.text}</Code>;
      case 'strong':
        return (
          <Text key={i} span fw={700} inherit>
            <Inline tokens={t.children} />
          </Text>
        );
      case 'em':
        return (
          <Text key={i} span fs="italic" inherit>
            <Inline tokens={t.children} />
          </Text>
        );
      case 'link':
        return (
          <Text key={i} span inherit td="underline">
            <Inline tokens={t.children} />
            {/^https?:/u.test(t.href) && plainText(t.children) !== t.href && (
              <Text span c="dimmed" inherit td="none">
                {' '}
                ({t.href})
              </Text>
            )}
          </Text>
        );
      default:
        return null;
    }
  });
}

const inline = (text: string) => <Inline tokens={parseInline(text)} />;

/** Line breaks inside a paragraph, list item or quote show as spaces. */
const joined = (lines: readonly string[]) => inline(lines.map((line) => line.trim()).join(' '));

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading':
      return (
        <Title order={Math.min(block.level + 1, 6) as TitleOrder} mt="md" mb="xs">
          {inline(block.text)}
        </Title>
      );
    case 'paragraph':
      return (
        <Text mb="sm" size="sm">
          {joined(block.lines)}
        </Text>
      );
    case 'list': {
      return (
        <List type={block.ordered ? 'ordered' : 'unordered'} mb="sm" spacing={4} withPadding size="sm">
          {block.items.map((item, i) => (
            <List.Item key={i}>
              {joined(item.lines)}
              {item.children.length > 0 && (
                <List withPadding size="sm" spacing={2} mt={4}>
                  {item.children.map((child, c) => (
                    <List.Item key={c}>{joined(child.lines)}</List.Item>
                  ))}
                </List>
              )}
            </List.Item>
          ))}
        </List>
      );
    }
    case 'code':
      return (
        <Code block mb="sm">
          {block.text}
        </Code>
      );
    case 'table':
      return (
        <Table.ScrollContainer minWidth={480} mb="sm">
          <Table withTableBorder withColumnBorders fz="sm">
            <Table.Thead>
              <Table.Tr>
                {block.header.map((h, i) => (
                  <Table.Th key={i}>{inline(h)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {block.rows.map((row, r) => (
                <Table.Tr key={r}>
                  {row.map((cell, c) => (
                    <Table.Td key={c}>{inline(cell)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      );
    case 'quote':
      return (
        <Blockquote mb="sm" fz="sm">
          {joined(block.lines)}
        </Blockquote>
      );
    case 'rule':
      return <Divider my="md" />;
    default:
      return null;
  }
}

/** Renders trusted-format, untrusted-content Markdown as React elements (never as HTML). */
export function MarkdownText({ source }: { source: string }) {
  return (
    <div>
      {parseBlocks(source).map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </div>
  );
}
