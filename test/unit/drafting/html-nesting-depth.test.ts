import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { htmlToLines } from '../../../src-main/drafting/inputs/html-text/html-to-lines';
import { example } from './helpers';

// htmlparser2's void elements: they hold nothing, so they never deepen the tree.
const VOID_ELEMENTS =
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr';
const VOID = new Set(VOID_ELEMENTS.split(' '));

interface Node {
  type: string;
  name?: string;
  children?: Node[];
}

/** The depth of the tree htmlparser2 builds: elements inside elements, void elements (which hold nothing) not counted. */
function parsedDepth(html: string): number {
  const walk = (nodes: Node[] | undefined): number =>
    (nodes ?? []).reduce((deepest, node) => {
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return deepest;
      return Math.max(deepest, VOID.has(node.name ?? '') ? 0 : 1 + walk(node.children));
    }, 0);
  return walk(parseDocument(html).children as Node[]);
}

const PIECES = [
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '</p >',
  '<p/>',
  '<li>',
  '</li>',
  '<ul>',
  '</ul>',
  '<b>',
  '</b>',
  '<DIV class=x>',
  '</DIV>',
  '<br>',
  '<br/>',
  '</br>',
  '<img src="a>b">',
  '<a href=/x/>',
  '<a href="/"/>',
  '</a>',
  "<a title='x>'>",
  '<svg>',
  '</svg>',
  '<svg/>',
  '<path/>',
  '<g>',
  '</g>',
  '<math>',
  '</math>',
  '<mi>',
  '</mi>',
  '<foreignObject>',
  '</foreignObject>',
  '<desc>',
  '</desc>',
  '<title>',
  '</title>',
  '<script>',
  '</script>',
  '<style>x<div>',
  '</style>',
  '<textarea>',
  '</textarea>',
  '<xmp>',
  '</xmp>',
  '<!-- <div> -->',
  '<!doctype html>',
  '<?x?>',
  '<![CDATA[<div>]]>',
  '<table>',
  '<tr>',
  '<td>',
  '</td>',
  '</tr>',
  '</table>',
  '<tbody>',
  '<tfoot>',
  '<h1>',
  '<input>',
  '<select>',
  '<option>',
  '<dd>',
  '<dt>',
  '<rt>',
  '<rp>',
  '<body>',
  '<head>',
  '<link>',
  'text',
  ' < ',
  '</ >',
  '\n',
];

/** The deepest nesting the reader accepts for `html`: it refuses the page at any smaller limit. */
function acceptedDepth(html: string): number {
  let depth = 0;
  while (htmlToLines(html, depth) === null) depth += 1;
  return depth;
}

describe('HTML nesting depth, as the reader counts it while it reads', () => {
  it('is the depth of the tree htmlparser2 builds, for random tag soup and a real page', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let round = 0; round < 3_000; round += 1) {
      let html = '';
      const count = 1 + Math.floor(random() * 40);
      for (let piece = 0; piece < count; piece += 1) html += PIECES[Math.floor(random() * PIECES.length)];
      expect(acceptedDepth(html), html).toBe(parsedDepth(html));
    }
    const page = example('job-data.html');
    expect(acceptedDepth(page)).toBe(parsedDepth(page));
  });

  it('refuses a page one level past the limit, and reads one at the limit with void elements inside', () => {
    expect(htmlToLines(`${'<div>'.repeat(256)}<br><img src=a.png>deep`, 256)?.trim()).toBe('deep');
    expect(htmlToLines(`${'<div>'.repeat(256)}<svg><path/></svg>`, 256)).toBeNull();
    expect(htmlToLines('<div>'.repeat(1_000_000), 256)).toBeNull();
  });
});
