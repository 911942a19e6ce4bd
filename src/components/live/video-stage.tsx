import type { ReactNode } from "react";

/**
 * The show's video: MP4/WebM play everywhere; an HLS (.m3u8) URL plays where the browser supports
 * it natively (Safari, iOS, Android Chrome). Muted autoplay so it starts without a click.
 */
export function VideoStage({ src, title, live, overlay }: { src: string; title: string; live: boolean; overlay?: ReactNode }) {
  return (
    <div className="relative overflow-hidden rounded-2xl bg-cocoa-900 shadow-sm">
      <video
        key={src}
        className="aspect-video w-full bg-black object-contain"
        src={src}
        autoPlay
        muted
        loop={live}
        playsInline
        controls
        preload="metadata"
        aria-label={`Video: ${title}`}
        data-testid="show-video"
      />
      {overlay}
    </div>
  );
}
