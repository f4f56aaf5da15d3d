import { comingSoonMetadata, comingSoonPage } from "@/components/shell/coming-soon";

export const metadata = comingSoonMetadata("mitra");
export default comingSoonPage("mitra");
