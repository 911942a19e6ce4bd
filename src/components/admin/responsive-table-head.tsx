/** Column headings shown from md up; below that each row lays itself out as a card. */
export function ResponsiveTableHead({ columns }: { columns: string[] }) {
  return (
    <thead className="hidden border-b border-sand-200 bg-sand-100/60 text-xs tracking-wide text-cocoa-700 uppercase md:table-header-group">
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col" className="px-4 py-3 font-semibold">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
