import { Image } from '@mantine/core';

/**
 * The otpauth QR code. Main sends SVG markup; it is shown as an image from a data: URL, so the markup is
 * never inserted into the page (scripts in an SVG image do not run).
 */
export function QrCodeImage({ svg }: { svg: string }) {
  return (
    <Image
      src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`}
      alt="QR code for your authenticator app"
      w={200}
      h={200}
      fit="contain"
      bg="white"
      p={6}
      radius="sm"
    />
  );
}
