// Bulk CSV files for tests and benchmarks: n client rows with distinct valid Kazakh mobile numbers.
export interface ClientsCsvOptions {
  delimiter?: ';' | ',';
  bom?: boolean;
  /** Every `plasticEvery`-th row asks for a plastic card (0: none). */
  plasticEvery?: number;
  /** First phone's serial, so that several files do not share clients. */
  firstSerial?: number;
}

export function clientPhone(serial: number): string {
  return `7700${String(serial).padStart(7, '0')}`;
}

export function clientsCsv(rows: number, options: ClientsCsvOptions = {}): string {
  const d = options.delimiter ?? ';';
  const header = ['product_id', 'phone', 'type', 'resident', 'first_name', 'last_name', 'card_kind', 'embossed_name'];
  const lines = [header.join(d)];
  for (let i = 0; i < rows; i++) {
    const plastic = options.plasticEvery !== undefined && options.plasticEvery > 0 && i % options.plasticEvery === 0;
    const last = `Client${String.fromCharCode(65 + (i % 26))}`;
    lines.push(
      [
        '2000',
        clientPhone((options.firstSerial ?? 0) + i),
        '1',
        '1',
        'Test',
        last,
        plastic ? 'plastic' : 'virtual',
        plastic ? `TEST ${last.toUpperCase()}` : '',
      ].join(d),
    );
  }
  return `${options.bom === true ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
