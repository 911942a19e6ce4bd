import { ConsoleDenied } from "@/components/auth/console-denied";

export default function Unauthorized() {
  return <ConsoleDenied name="admin" />;
}
