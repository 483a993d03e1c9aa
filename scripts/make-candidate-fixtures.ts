/**
 * Writes the DOCX and PDF candidate fixtures of test/fixtures/drafting/candidates/ and their expected entries, so
 * they can be made again: `npx tsx scripts/make-candidate-fixtures.ts`. The Markdown, text and JSON Resume fixtures
 * there are written by hand. PDFs use DejaVu Sans when the system has it (for non-Latin names), else Helvetica.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import PDFDocument from 'pdfkit';

const OUT = join(__dirname, '..', 'test', 'fixtures', 'drafting', 'candidates');
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const BOLD_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

type Section = 'work' | 'volunteer' | 'projects' | 'education';

interface Entry {
  section: Section;
  title: string;
  org: string;
  place?: string;
  dates: string;
  bullets: string[];
}

interface Spec {
  id: string;
  layout: 'docx-headings' | 'docx-table' | 'pdf-single' | 'pdf-two-column';
  name: string;
  contact: string;
  headings: Record<Section, string>;
  entries: Entry[];
  /** Short lists (skills, languages); in the two-column PDF they form the left column. */
  lists: { heading: string; items: string[] }[];
}

const EN = { work: 'Experience', volunteer: 'Volunteering', projects: 'Projects', education: 'Education' };

const SPECS: Spec[] = [
  {
    id: 'docx-career-changer',
    layout: 'docx-headings',
    name: 'Amara Okafor',
    contact: 'amara.okafor@example.org · +44 7700 900123 · Leeds, United Kingdom',
    headings: EN,
    entries: [
      {
        section: 'work',
        title: 'Junior Data Analyst',
        org: 'Northgate Housing',
        place: 'Leeds',
        dates: 'Jun 2023 – Present',
        bullets: [
          'Built a Power BI dashboard of repair backlogs used by 14 area managers',
          'Cleaned ten years of tenancy records in SQL, removing 3,200 duplicates',
        ],
      },
      {
        section: 'work',
        title: 'Secondary School Teacher',
        org: 'Roundhay High School',
        place: 'Leeds',
        dates: 'Sep 2015 – May 2023',
        bullets: [
          'Taught mathematics to classes of 30 pupils aged 11 to 18',
          'Analysed assessment data each term to plan interventions for 120 pupils',
        ],
      },
      {
        section: 'projects',
        title: 'Author',
        org: 'Bus Punctuality Explorer',
        dates: '2022',
        bullets: ['Scraped 2 million bus arrival records and published an interactive map'],
      },
      {
        section: 'volunteer',
        title: 'Treasurer',
        org: 'Leeds Community Food Bank',
        dates: '2019 – 2023',
        bullets: ['Kept the accounts of a charity with a budget of £40,000 a year'],
      },
      {
        section: 'education',
        title: 'BSc Mathematics',
        org: 'University of Leeds',
        dates: '2011 – 2014',
        bullets: [],
      },
    ],
    lists: [{ heading: 'Skills', items: ['SQL', 'Python', 'Power BI', 'Excel'] }],
  },
  {
    id: 'docx-table-greek',
    layout: 'docx-table',
    name: 'Νίκος Παπαδόπουλος',
    contact: 'nikos.papadopoulos@example.gr · Athens, Greece',
    headings: { work: 'Work Experience', volunteer: 'Volunteer Work', projects: 'Projects', education: 'Education' },
    entries: [
      {
        section: 'work',
        title: 'Site Reliability Engineer',
        org: 'Aegean Cloud SA',
        dates: '03/2020 – present',
        bullets: [
          'Run the Kubernetes platform for 60 product teams',
          'Reduced monthly cloud spend by 22% through rightsizing',
        ],
      },
      {
        section: 'work',
        title: 'Systems Administrator',
        org: 'Hellenic Telecom',
        dates: '01/2016 – 02/2020',
        bullets: ['Automated server provisioning with Ansible for 400 hosts'],
      },
      {
        section: 'volunteer',
        title: 'Mentor',
        org: 'Athens Code Club',
        dates: '2018 – 2021',
        bullets: ['Mentored 25 teenagers through their first web projects'],
      },
    ],
    lists: [{ heading: 'Languages', items: ['Greek (native)', 'English (C2)'] }],
  },
  {
    id: 'pdf-single-polish',
    layout: 'pdf-single',
    name: 'Łukasz Dvořák',
    contact: 'lukasz.dvorak@example.pl | +48 600 100 200 | Kraków, Poland',
    headings: EN,
    entries: [
      {
        section: 'work',
        title: 'Backend Developer',
        org: 'Wawel Logistics',
        place: 'Kraków',
        dates: 'Feb 2019 – Present',
        bullets: [
          'Designed the route planning service in Java and Spring Boot that schedules 8,000 deliveries a day across southern Poland',
          'Cut the nightly batch run from 5 hours to 40 minutes by moving it to Kafka streams',
        ],
      },
      {
        section: 'work',
        title: 'Intern',
        org: 'Comarch',
        place: 'Kraków',
        dates: 'Jul 2017 – Dec 2018',
        bullets: ['Wrote integration tests for the invoicing module'],
      },
      {
        section: 'projects',
        title: 'Maintainer',
        org: 'tatra-cli',
        dates: '2020 – 2023',
        bullets: ['Open-source command line tool for mountain weather with 1,200 GitHub stars'],
      },
      {
        section: 'education',
        title: 'MSc Computer Science',
        org: 'AGH University of Science and Technology',
        dates: '2014 – 2019',
        bullets: [],
      },
    ],
    lists: [{ heading: 'Skills', items: ['Java', 'Spring Boot', 'Kafka', 'PostgreSQL'] }],
  },
  {
    id: 'pdf-two-column',
    layout: 'pdf-two-column',
    name: 'Sofia Lindqvist',
    contact: 'sofia.lindqvist@example.se',
    headings: EN,
    entries: [
      {
        section: 'work',
        title: 'Product Designer',
        org: 'Klarhet AB',
        place: 'Stockholm',
        dates: 'Aug 2021 – Present',
        bullets: [
          'Redesigned the onboarding flow, raising completion from 61% to 78%',
          'Ran 40 usability sessions with small business owners',
        ],
      },
      {
        section: 'work',
        title: 'UX Designer',
        org: 'Nordic Rail',
        place: 'Gothenburg',
        dates: 'Mar 2018 – Jul 2021',
        bullets: ['Designed the ticket machine interface used at 90 stations'],
      },
      {
        section: 'volunteer',
        title: 'Organiser',
        org: 'Design Friday Stockholm',
        dates: '2019 – 2022',
        bullets: ['Organised monthly talks for 150 designers'],
      },
      {
        section: 'education',
        title: 'BA Interaction Design',
        org: 'Malmö University',
        dates: '2015 – 2018',
        bullets: [],
      },
    ],
    lists: [
      { heading: 'Skills', items: ['Figma', 'User research', 'Prototyping', 'Design systems'] },
      { heading: 'Languages', items: ['Swedish (native)', 'English (fluent)', 'German (basic)'] },
    ],
  },
];

function entryHeader(entry: Entry): string {
  return `${entry.title} — ${entry.org}${entry.place ? `, ${entry.place}` : ''}`;
}

const sections = (spec: Spec): Section[] => [...new Set(spec.entries.map((e) => e.section))];

async function docx(spec: Spec): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: spec.name, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ text: spec.contact }),
  ];
  for (const section of sections(spec)) {
    children.push(new Paragraph({ text: spec.headings[section], heading: HeadingLevel.HEADING_2 }));
    const entries = spec.entries.filter((e) => e.section === section);
    if (spec.layout === 'docx-table') {
      const rows = entries.map(
        (entry) =>
          new TableRow({
            children: [
              new TableCell({
                width: { size: 25, type: WidthType.PERCENTAGE },
                children: [new Paragraph(entry.dates)],
              }),
              new TableCell({
                width: { size: 75, type: WidthType.PERCENTAGE },
                children: [
                  new Paragraph({
                    children: [new TextRun({ text: entry.title, bold: true }), new TextRun(`, ${entry.org}`)],
                  }),
                  ...entry.bullets.map((b) => new Paragraph({ text: b, bullet: { level: 0 } })),
                ],
              }),
            ],
          }),
      );
      children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    } else {
      for (const entry of entries) {
        children.push(new Paragraph({ text: entryHeader(entry), heading: HeadingLevel.HEADING_3 }));
        children.push(new Paragraph({ text: entry.dates, alignment: AlignmentType.LEFT }));
        for (const b of entry.bullets) children.push(new Paragraph({ text: b, bullet: { level: 0 } }));
      }
    }
  }
  for (const list of spec.lists) {
    children.push(new Paragraph({ text: list.heading, heading: HeadingLevel.HEADING_2 }));
    children.push(new Paragraph(list.items.join(', ')));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

function pdf(spec: Spec): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40 });
  const unicode = existsSync(FONT) && existsSync(BOLD_FONT);
  const regular = unicode ? FONT : 'Helvetica';
  const bold = unicode ? BOLD_FONT : 'Helvetica-Bold';
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const main = spec.layout === 'pdf-two-column' ? { x: 220, width: 335 } : { x: 40, width: 515 };
  doc.font(bold).fontSize(20).text(spec.name, 40, 40);
  doc
    .font(regular)
    .fontSize(10)
    .text(spec.contact, 40, doc.y + 4);
  const top = doc.y + 16;
  // Each column keeps its own position; in the two-column layout their lines are written alternately, the way
  // a layout program interleaves text boxes in the content stream, so reading order must come from positions.
  const columns = { main: top, side: top };
  const pieces: { column: 'main' | 'side'; text: string; font: string; size: number; indent: number; gap: number }[] =
    [];
  for (const section of sections(spec)) {
    pieces.push({ column: 'main', text: spec.headings[section], font: bold, size: 13, indent: 0, gap: 4 });
    for (const entry of spec.entries.filter((e) => e.section === section)) {
      pieces.push({
        column: 'main',
        text: `${entryHeader(entry)} (${entry.dates})`,
        font: bold,
        size: 10.5,
        indent: 0,
        gap: 2,
      });
      entry.bullets.forEach((b, i) =>
        pieces.push({
          column: 'main',
          text: `•  ${b}`,
          font: regular,
          size: 10,
          indent: 8,
          gap: i === entry.bullets.length - 1 ? 8 : 2,
        }),
      );
    }
  }
  const side = spec.layout === 'pdf-two-column' ? 'side' : 'main';
  const sidePieces: typeof pieces = [];
  for (const list of spec.lists) {
    sidePieces.push({ column: side, text: list.heading, font: bold, size: 13, indent: 0, gap: 4 });
    if (side === 'side')
      list.items.forEach((item) =>
        sidePieces.push({ column: side, text: item, font: regular, size: 10, indent: 0, gap: 2 }),
      );
    else sidePieces.push({ column: side, text: list.items.join(', '), font: regular, size: 10, indent: 0, gap: 2 });
  }
  const ordered =
    side === 'side'
      ? pieces.flatMap((p, i) => [p, ...(sidePieces[i] ? [sidePieces[i]] : [])]).concat(sidePieces.slice(pieces.length))
      : [...pieces, ...sidePieces];
  for (const piece of ordered) {
    const x = piece.column === 'side' ? 40 : main.x;
    const width = piece.column === 'side' ? 150 : main.width;
    doc
      .font(piece.font)
      .fontSize(piece.size)
      .text(piece.text, x + piece.indent, columns[piece.column], { width: width - piece.indent });
    columns[piece.column] = doc.y + piece.gap;
  }
  doc.end();
  return done;
}

function expected(spec: Spec, file: string): unknown {
  return {
    file,
    sections: sections(spec),
    entries: spec.entries.map((e) => ({ section: e.section, org: e.org, title: e.title, bullets: e.bullets })),
  };
}

async function main(): Promise<void> {
  for (const spec of SPECS) {
    const format = spec.layout.startsWith('docx') ? 'docx' : 'pdf';
    const file = `${spec.id}.${format}`;
    writeFileSync(join(OUT, file), format === 'docx' ? await docx(spec) : await pdf(spec));
    writeFileSync(join(OUT, `${spec.id}.expected.json`), `${JSON.stringify(expected(spec, file), null, 2)}\n`);
    console.log(`wrote ${file}`);
  }
}

void main();
