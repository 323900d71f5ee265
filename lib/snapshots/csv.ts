import { AppError } from "@/lib/errors";

export interface CsvRecord {
  /** 1-based line on which the record starts (a quoted cell may span lines). */
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV: quoted cells may hold commas, quotes ("") and newlines. Written by hand
 * because it must report the line of every record for error messages.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedCellStart = 0;
  let cellWasQuoted = false;

  const endCell = () => {
    fields.push(cell);
    cell = "";
    cellWasQuoted = false;
  };
  const endRecord = () => {
    endCell();
    records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === "" && !cellWasQuoted) {
      inQuotes = true;
      cellWasQuoted = true;
      quotedCellStart = line;
    } else if (ch === ",") endCell();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (cellWasQuoted) {
      throw new AppError("invalid_input", {
        message: `line ${line}: unexpected character after a closing quote (write a quote inside a quoted cell as "")`,
        line,
      });
    } else cell += ch;
  }
  if (inQuotes) {
    throw new AppError("invalid_input", {
      message: `line ${quotedCellStart}: a quoted cell is never closed`,
      line: quotedCellStart,
    });
  }
  if (cell !== "" || fields.length > 0 || cellWasQuoted) endRecord();
  return records;
}
