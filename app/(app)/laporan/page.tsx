import { comingSoonMetadata, comingSoonPage } from "@/components/shell/coming-soon";

export const metadata = comingSoonMetadata("laporan");
export default comingSoonPage("laporan");
