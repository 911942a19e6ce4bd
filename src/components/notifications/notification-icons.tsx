import { BoxIcon, ChatIcon, Icon } from "@/components/layout/icons";

type IconProps = { className?: string };

export const BellIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15z" />
    <path d="M10 20.5a2.2 2.2 0 0 0 4 0" />
  </Icon>
);

export const PlayIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3" y="5" width="18" height="14" rx="3" />
    <path d="m10.5 9.5 4 2.5-4 2.5z" />
  </Icon>
);

export const AlertIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 4 2.8 19.5h18.4z" />
    <path d="M12 10v4M12 16.8v.2" />
  </Icon>
);

export const CloseIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="m6 6 12 12M18 6 6 18" />
  </Icon>
);

/** The picture for a notification kind (decorative: the title says what it is). */
export function KindIcon({ kind, className }: { kind: string; className?: string }) {
  if (kind === "order") return <BoxIcon className={className} />;
  if (kind.startsWith("show")) return <PlayIcon className={className} />;
  if (kind.startsWith("support")) return <ChatIcon className={className} />;
  return <BellIcon className={className} />;
}
