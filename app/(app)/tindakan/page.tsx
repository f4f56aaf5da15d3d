import { comingSoonMetadata, comingSoonPage } from "@/components/shell/coming-soon";

export const metadata = comingSoonMetadata("tindakan");
export default comingSoonPage("tindakan");
