import { comingSoonMetadata, comingSoonPage } from "@/components/shell/coming-soon";

export const metadata = comingSoonMetadata("dasbor");
export default comingSoonPage("dasbor");
