"use client";

import { useEffect } from "react";
import { ErrorScreen } from "@/components/shell/error-screen";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return <ErrorScreen error={error} retry={retry} />;
}
