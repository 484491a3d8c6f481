// GET/POST /api/auth/* — Auth.js
import { handlers } from "@/lib/auth";

export const { GET, POST } = handlers;
