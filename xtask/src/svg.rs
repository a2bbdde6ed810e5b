//! A ratatui `Buffer` as an SVG picture of a terminal: one monospace cell
//! per buffer cell, with its foreground and background colours, bold,
//! italic, dim, underline and reverse video, and the cursor where the app
//! put it. The same buffer always gives the same bytes.

use std::fmt::Write;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};
use ratatui::text::Span;

/// Cell size in pixels, the font size, and the margin around the screen.
const CELL_W: u32 = 9;
const CELL_H: u32 = 18;
const FONT_SIZE: u32 = 15;
const BASELINE: u32 = 14;
const MARGIN: u32 = 12;

/// The terminal's own colours: a dark background, and xterm's sixteen.
pub const DEFAULT_FG: &str = "#d0d0d0";
pub const DEFAULT_BG: &str = "#1c1c1c";
const ANSI: [&str; 16] = [
    "#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
    "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
];

/// A colour as SVG writes it; `None` for the terminal's default.
pub fn hex(colour: Color) -> Option<String> {
    let index = match colour {
        Color::Reset => return None,
        Color::Rgb(r, g, b) => return Some(format!("#{r:02x}{g:02x}{b:02x}")),
        Color::Indexed(i) => return Some(indexed(i)),
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    Some(ANSI[index].to_owned())
}

/// The 256-colour table: the sixteen, a 6x6x6 cube, then 24 greys.
fn indexed(i: u8) -> String {
    match i {
        0..=15 => ANSI[usize::from(i)].to_owned(),
        16..=231 => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
            let n = i - 16;
            let (r, g, b) = (level(n / 36), level(n / 6 % 6), level(n % 6));
            format!("#{r:02x}{g:02x}{b:02x}")
        }
        232..=255 => {
            let v = 8 + 10 * (i - 232);
            format!("#{v:02x}{v:02x}{v:02x}")
        }
    }
}

/// How one cell's text is drawn, after reverse video is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Look {
    fg: String,
    bg: Option<String>,
    bold: bool,
    italic: bool,
    dim: bool,
    underline: bool,
    crossed: bool,
}

fn look(cell: &Cell) -> Look {
    let m = cell.modifier;
    let (mut fg, mut bg) = (hex(cell.fg), hex(cell.bg));
    if m.contains(Modifier::REVERSED) {
        let old_fg = fg.unwrap_or_else(|| DEFAULT_FG.to_owned());
        fg = Some(bg.unwrap_or_else(|| DEFAULT_BG.to_owned()));
        bg = Some(old_fg);
    }
    Look {
        fg: fg.unwrap_or_else(|| DEFAULT_FG.to_owned()),
        bg,
        bold: m.contains(Modifier::BOLD),
        italic: m.contains(Modifier::ITALIC),
        dim: m.contains(Modifier::DIM),
        underline: m.contains(Modifier::UNDERLINED),
        crossed: m.contains(Modifier::CROSSED_OUT),
    }
}

/// A run of cells on one row drawn alike: where it starts, how many
/// cells it covers, and its text.
struct Run {
    x: u16,
    cells: u16,
    text: String,
    look: Look,
}

/// A block element drawn as a rectangle (the big timer digits are made
/// of them), so no font leaves gaps between the rows: the part of the cell
/// it fills, as fractions (x, y, width, height).
fn block(symbol: &str) -> Option<(f64, f64, f64, f64)> {
    Some(match symbol {
        "█" => (0.0, 0.0, 1.0, 1.0),
        "▀" => (0.0, 0.0, 1.0, 0.5),
        "▄" => (0.0, 0.5, 1.0, 0.5),
        "▌" => (0.0, 0.0, 0.5, 1.0),
        "▐" => (0.5, 0.0, 0.5, 1.0),
        _ => return None,
    })
}

/// A cell filled (in part) by a block element, in its foreground colour.
struct Block {
    x: u16,
    part: (f64, f64, f64, f64),
    fg: String,
}

/// The cells of row `y` as runs of one look, and the block elements among
/// them (as blanks in the runs). A wide symbol covers the cells after it,
/// which add nothing of their own.
fn runs(buffer: &Buffer, y: u16) -> (Vec<Run>, Vec<Block>) {
    let area = buffer.area;
    let mut runs: Vec<Run> = Vec::new();
    let mut blocks = Vec::new();
    let mut covered = 0;
    for x in area.left()..area.right() {
        let cell = &buffer[(x, y)];
        let look = look(cell);
        let text = if covered > 0 {
            covered -= 1;
            ""
        } else if let Some(part) = block(cell.symbol()) {
            let fg = look.fg.clone();
            blocks.push(Block { x, part, fg });
            " "
        } else {
            let symbol = cell.symbol();
            covered = Span::raw(symbol).width().saturating_sub(1);
            symbol
        };
        match runs.last_mut() {
            Some(run) if run.look == look => {
                run.cells += 1;
                run.text.push_str(text);
            }
            _ => runs.push(Run {
                x,
                cells: 1,
                text: text.to_owned(),
                look,
            }),
        }
    }
    (runs, blocks)
}

/// The picture of `buffer`, with a block cursor at `cursor` if it shows.
pub fn render(buffer: &Buffer, cursor: Option<Position>, title: &str) -> String {
    let area = buffer.area;
    let width = u32::from(area.width) * CELL_W + 2 * MARGIN;
    let height = u32::from(area.height) * CELL_H + 2 * MARGIN;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" xml:space=\"preserve\">",
        escape(title)
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(title));
    let _ = writeln!(
        svg,
        "<rect width=\"100%\" height=\"100%\" rx=\"6\" fill=\"{DEFAULT_BG}\"/>"
    );
    let _ = writeln!(
        svg,
        "<g font-family=\"'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace\" \
         font-size=\"{FONT_SIZE}\" shape-rendering=\"crispEdges\">"
    );
    for y in area.top()..area.bottom() {
        let (row, blocks) = runs(buffer, y);
        for run in &row {
            background(&mut svg, run, y - area.top(), area.left());
        }
        for block in &blocks {
            block_rect(&mut svg, block, y - area.top(), area.left());
        }
        for run in &row {
            text(&mut svg, run, y - area.top(), area.left());
        }
    }
    if let Some(at) = cursor.filter(|p| area.contains(*p)) {
        let (x, y) = cell_origin(at.x - area.left(), at.y - area.top());
        let _ = writeln!(
            svg,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{CELL_W}\" height=\"{CELL_H}\" \
             fill=\"{DEFAULT_FG}\" fill-opacity=\"0.6\"/>"
        );
    }
    svg.push_str("</g>\n</svg>\n");
    svg
}

fn cell_origin(x: u16, y: u16) -> (u32, u32) {
    (
        MARGIN + u32::from(x) * CELL_W,
        MARGIN + u32::from(y) * CELL_H,
    )
}

fn background(svg: &mut String, run: &Run, row: u16, left: u16) {
    let Some(bg) = &run.look.bg else { return };
    let (x, y) = cell_origin(run.x - left, row);
    let w = u32::from(run.cells) * CELL_W;
    let _ = writeln!(
        svg,
        "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{CELL_H}\" fill=\"{bg}\"/>"
    );
}

fn block_rect(svg: &mut String, block: &Block, row: u16, left: u16) {
    let (x, y) = cell_origin(block.x - left, row);
    let (dx, dy, w, h) = block.part;
    let (cw, ch) = (f64::from(CELL_W), f64::from(CELL_H));
    let _ = writeln!(
        svg,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
        f64::from(x) + dx * cw,
        f64::from(y) + dy * ch,
        w * cw,
        h * ch,
        block.fg
    );
}

fn text(svg: &mut String, run: &Run, row: u16, left: u16) {
    let look = &run.look;
    let lined = look.underline || look.crossed;
    if run.text.trim().is_empty() && !lined {
        return;
    }
    // Blanks at either end are left out (the background is drawn already):
    // fewer characters for the font to be stretched over.
    let (lead, body) = if lined {
        (0, run.text.as_str())
    } else {
        let body = run.text.trim_start_matches(' ');
        (run.text.len() - body.len(), body.trim_end_matches(' '))
    };
    let trail = run.text.len() - lead - body.len();
    let cells = usize::from(run.cells).saturating_sub(lead + trail);
    let (x, y) = cell_origin(run.x - left, row);
    let x = x + u32::try_from(lead).unwrap_or(0) * CELL_W;
    let length = u32::try_from(cells).unwrap_or(0) * CELL_W;
    let mut attributes = format!("fill=\"{}\"", look.fg);
    for (on, attribute) in [
        (look.bold, " font-weight=\"bold\""),
        (look.italic, " font-style=\"italic\""),
        (look.dim, " fill-opacity=\"0.55\""),
        (look.underline, " text-decoration=\"underline\""),
        (look.crossed, " text-decoration=\"line-through\""),
    ] {
        if on {
            attributes.push_str(attribute);
        }
    }
    let _ = writeln!(
        svg,
        "<text x=\"{x}\" y=\"{}\" textLength=\"{length}\" lengthAdjust=\"spacingAndGlyphs\" \
         {attributes}>{}</text>",
        y + BASELINE,
        escape(body)
    );
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
