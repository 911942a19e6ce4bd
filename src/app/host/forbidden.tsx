import { ConsoleDenied } from "@/components/auth/console-denied";

export default function Forbidden() {
  return <ConsoleDenied name="host" />;
}
