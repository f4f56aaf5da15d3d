import { comingSoonMetadata, comingSoonPage } from "@/components/shell/coming-soon";

export const metadata = comingSoonMetadata("kerja-sama");
export default comingSoonPage("kerja-sama");
