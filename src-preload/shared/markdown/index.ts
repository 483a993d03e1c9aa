export { parseBlocks, type Block, type BlockSyntax, type ListBlock, type ListItem } from './blocks';
export { parseInline, plainText, unescapeMarkdown, type InlineToken } from './inline';
