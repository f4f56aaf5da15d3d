import { comingSoonMetadata, comingSoonPage } from "@/components/shell/coming-soon";

export const metadata = comingSoonMetadata("pengaturan");
export default comingSoonPage("pengaturan");
