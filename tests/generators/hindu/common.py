"""Output helpers shared by the Hindu golden-data generators."""
import datetime as dt
import os
import textwrap

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "golden", "hindu")
IST = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")


def write_csv(name, header, columns, rows):
    """Write '# ' header paragraphs (wrapped), the column line and the rows (no blank lines)."""
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, name), "w", newline="\n") as f:
        for para in header:
            f.write(textwrap.fill(para, 96, initial_indent="# ", subsequent_indent="#   ",
                                  break_on_hyphens=False, break_long_words=False) + "\n")
        f.write(columns + "\n")
        for r in rows:
            f.write(r + "\n")
