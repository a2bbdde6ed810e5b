//! The event loop: one turn acts on what happened, draws, and waits for
//! the next input or the next save due. Whatever ends the app (a quit, a
//! signal, a terminal gone, a panic), what is open is saved first.

use std::collections::VecDeque;
use std::panic::AssertUnwindSafe;
use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::event::Event;

use super::arriving::Arriving;
use super::content_load::ContentFollowUp;
use super::groups::Groups;
use super::history_load;
use super::now;
use std::path::PathBuf;

use super::private::{Reflections, Sessions};
use super::reload::LiveContent;
use super::saver::Saver;
use super::signals::{Input, Inputs};
use super::typed_paste;
use crate::app::{self, Action, App, Effect};
use crate::paths::Paths;
use crate::store::Reflection;
use crate::ui::{self, Palette};

mod effects;

/// The longest wait for input: the group view's timer is redrawn at
/// least this often.
const TICK: Duration = Duration::from_millis(250);
/// The most inputs handled between two frames: enough to keep up with a
/// paste typed in key by key, few enough that the screen still follows.
const INPUTS_PER_FRAME: usize = 512;
const FOLLOW_EVERY: Duration = Duration::from_secs(1);

/// The private reflections' side: absent for `reflect group`.
struct Private {
    /// Started on the first save.
    saver: Option<Saver<Reflection>>,
    sessions: Sessions,
}

impl Private {
    fn saver(&mut self) -> &Saver<Reflection> {
        let records = &self.sessions.store.records;
        self.saver
            .get_or_insert_with(|| Saver::start(records.clone()))
    }
}

/// What is listened to once the first frame is drawn (so that frame waits
/// for none of it): keys and signals, and saves in the content folders.
struct Listening {
    inputs: Inputs,
    live: LiveContent,
}

pub struct Runner<'p> {
    paths: &'p Paths,
    private: Option<Private>,
    groups: Groups,
    listening: Option<Listening>,
    /// What is left to do about the content after the first frame.
    pub content: Option<ContentFollowUp>,
    /// The rows the first screen's share of content and history was read
    /// for: a window grown taller since needs all of it.
    pub first_rows: Option<usize>,
    /// The history, the content and the forms, read after the first frame.
    arriving: Arriving,
    cli_dirs: Vec<PathBuf>,
    palette: Palette,
    /// Why the app is ending without being asked to (a signal, or the
    /// terminal gone): it saves and exits, drawing and reading no more.
    ending: Option<Ending>,
    /// When a reflection open read-only was last looked at on disk.
    followed_at: Option<Instant>,
    arrivals: typed_paste::Arrivals,
}

enum Ending {
    Signal,
    TerminalLost(anyhow::Error),
}

#[derive(PartialEq, Eq)]
enum Flow {
    Continue,
    Exit,
}

impl<'p> Runner<'p> {
    pub fn new(
        paths: &'p Paths,
        store: Option<Reflections>,
        cli_dirs: Vec<PathBuf>,
        palette: Palette,
    ) -> Runner<'p> {
        let private = store.map(|store| Private {
            saver: None,
            sessions: Sessions::new(store),
        });
        Runner {
            paths,
            private,
            groups: Groups::new(paths.groups_dir()),
            listening: None,
            content: None,
            first_rows: None,
            arriving: Arriving::default(),
            cli_dirs,
            palette,
            ending: None,
            followed_at: None,
            arrivals: typed_paste::Arrivals::default(),
        }
    }

    /// Runs until the app exits. A panic anywhere in a turn of the loop
    /// first saves what is open, then carries on unwinding.
    pub fn run(
        &mut self,
        terminal: &mut super::screen::Screen,
        app: &mut App,
        initial: Vec<Effect>,
    ) -> Result<()> {
        let mut queue: VecDeque<Action> = VecDeque::new();
        let area = terminal.area();
        queue.push_back(Action::Resize(area.width, area.height));
        let mut pending = initial;
        loop {
            let turn = std::panic::catch_unwind(AssertUnwindSafe(|| {
                self.turn(terminal, app, std::mem::take(&mut pending), &mut queue)
            }));
            match turn {
                Ok(Ok(Flow::Continue)) => {}
                Ok(Ok(Flow::Exit)) => return self.ended(),
                Ok(Err(lost)) => self.end(Ending::TerminalLost(lost), &mut queue),
                Err(panic) => {
                    self.rescue(app);
                    std::panic::resume_unwind(panic);
                }
            }
        }
    }

    /// One turn: act on what happened, draw, wait for the next input.
    fn turn(
        &mut self,
        terminal: &mut super::screen::Screen,
        app: &mut App,
        effects: Vec<Effect>,
        queue: &mut VecDeque<Action>,
    ) -> Result<Flow> {
        let Some(changed) = self.act(app, effects, queue) else {
            return Ok(Flow::Exit);
        };
        if self.ending.is_none() && self.outgrew_first_read(terminal) {
            // Grown before a key or resize could be heard: the first frame
            // is drawn from everything, read now.
            self.start_listening(app, queue);
            queue.extend(self.arriving.wait());
            let size = terminal.size()?;
            queue.push_back(Action::Resize(size.width, size.height));
        } else if self.ending.is_none() {
            if changed {
                self.draw(terminal, app, queue)?;
            }
            self.start_listening(app, queue);
            self.wait_for_input(app, queue);
        }
        self.collect_results(queue);
        queue.extend(self.follow_read_only(app));
        // Edits are merged into the full content, never into its preview.
        if let Some(listening) = self.listening.as_mut().filter(|_| !self.arriving.pending()) {
            queue.extend(listening.live.poll(self.paths, &app.library));
        }
        queue.push_back(Action::Tick(now()));
        Ok(Flow::Continue)
    }

    /// Carries out `effects`, then every queued action and what it
    /// returns: whether the screen may have changed, or `None` once the
    /// app exits.
    fn act(
        &mut self,
        app: &mut App,
        effects: Vec<Effect>,
        queue: &mut VecDeque<Action>,
    ) -> Option<bool> {
        let mut effects = effects;
        let mut changed = false;
        loop {
            if self.perform(app, effects, queue) == Flow::Exit {
                return None;
            }
            let Some(action) = queue.pop_front() else {
                return Some(changed);
            };
            changed |= match &action {
                Action::Tick(now) => app.tick_changes_screen(*now),
                _ => true,
            };
            effects = app::update(app, action);
        }
    }

    fn draw(
        &self,
        terminal: &mut super::screen::Screen,
        app: &App,
        queue: &mut VecDeque<Action>,
    ) -> Result<()> {
        let mut drawn = None;
        terminal.draw(|buffer| drawn = Some(ui::view(app, buffer, self.palette)))?;
        if let Some(limits) = drawn.filter(|limits| *limits != app.scroll_limits) {
            queue.push_back(Action::ScrollLimit(limits));
        }
        // The window changed before a resize could be heard (the loop
        // listens from the first frame on): the app learns it from the
        // frame, which was drawn at the window's size.
        let area = terminal.area();
        if (area.width, area.height) != app.size {
            queue.push_back(Action::Resize(area.width, area.height));
        }
        Ok(())
    }

    /// Whether the window is taller now than when the first screen's share
    /// of the content and history was read (only before the first frame).
    fn outgrew_first_read(&self, terminal: &super::screen::Screen) -> bool {
        let Some(rows) = self.first_rows.filter(|_| self.listening.is_none()) else {
            return false;
        };
        terminal
            .size()
            .is_ok_and(|size| usize::from(size.height) > rows)
    }

    /// After the first frame: keys, signals, content edits, and the
    /// earlier reflections (and the content, if a preview was drawn) in
    /// full.
    fn start_listening(&mut self, app: &App, queue: &mut VecDeque<Action>) {
        if self.listening.is_some() {
            return;
        }
        let (inputs, signal_problem) = Inputs::start();
        // What arrives wakes the loop, so it is drawn at once, not at the
        // next tick.
        self.arriving.wake_with(inputs.waker());
        if let Some(private) = self.private.as_ref() {
            let records = &private.sessions.store.records;
            let tell_files = app.history_count.is_some();
            let job = history_load::job(records, self.paths, tell_files);
            self.arriving.start(job);
        }
        if let Some(content) = self.content.take() {
            content.start(&app.library, &mut self.arriving);
        }
        let (live, watch_problem) = LiveContent::start(self.paths, &self.cli_dirs);
        queue.extend(
            signal_problem
                .into_iter()
                .chain(watch_problem)
                .map(Action::Notice),
        );
        self.listening = Some(Listening { inputs, live });
    }

    /// Waits for a key, paste, resize or signal until the next tick, the
    /// next save due or the next run of the identifying-details check,
    /// whichever is sooner.
    fn wait_for_input(&mut self, app: &App, queue: &mut VecDeque<Action>) {
        let until_save = app
            .next_save_due()
            .into_iter()
            .chain(app.next_check_due())
            .min()
            .and_then(|due| (due - now()).to_std().ok())
            .unwrap_or(TICK);
        let Some(listening) = self.listening.as_ref() else {
            return;
        };
        let input = listening.inputs.next(until_save.min(TICK));
        // The first frame may have been drawn from the content's preview,
        // which fits that frame only: what changes the screen waits.
        if let Some(Input::Terminal(Event::Key(_) | Event::Paste(_) | Event::Resize(..))) = input {
            queue.extend(self.arriving.wait());
        }
        // Keys that came in together (a paste typed in by the terminal,
        // fast typing while a frame was drawn) are handled before the next
        // frame: one frame a key would fall further and further behind.
        let (Some(first), Some(listening)) = (input, self.listening.as_ref()) else {
            return;
        };
        let arrived = self
            .arrivals
            .take(&listening.inputs, first, INPUTS_PER_FRAME);
        for input in arrived {
            self.take_input(input, queue);
        }
    }

    fn take_input(&mut self, input: Input, queue: &mut VecDeque<Action>) {
        match input {
            Input::Terminal(Event::Key(key)) => queue.push_back(Action::Key(key)),
            Input::Terminal(Event::Paste(text)) => queue.push_back(Action::Paste(text)),
            Input::Terminal(Event::Resize(w, h)) => queue.push_back(Action::Resize(w, h)),
            // `Inputs` hands these over one at a time; never seen here.
            Input::Together(events) => {
                for event in events {
                    self.take_input(Input::Terminal(event), queue);
                }
            }
            Input::Terminal(_) | Input::Arrived => {}
            Input::EndSignal => self.end(Ending::Signal, queue),
            Input::Lost(e) => self.end(Ending::TerminalLost(e.into()), queue),
        }
    }

    /// A reflection open read-only here follows what the copy that
    /// writes it saves: its file is looked at once a second.
    fn follow_read_only(&mut self, app: &App) -> Option<Action> {
        let session = app.session.as_ref().filter(|s| s.read_only)?;
        if self.followed_at.is_some_and(|t| t.elapsed() < FOLLOW_EVERY) {
            return None;
        }
        self.followed_at = Some(Instant::now());
        let private = self.private.as_mut()?;
        private.sessions.follow(&session.reflection.id)
    }

    fn collect_results(&mut self, queue: &mut VecDeque<Action>) {
        queue.extend(self.arriving.arrived());
        if let Some(saver) = self.private.as_ref().and_then(|p| p.saver.as_ref()) {
            queue.extend(saver.results.try_iter());
        }
        if let Some(saver) = self.groups.saver() {
            queue.extend(saver.results.try_iter());
        }
    }

    /// Waits for every save in flight; their outcomes, then
    /// `SavesFinished`, go to the queue.
    fn finish_saving(&mut self, queue: &mut VecDeque<Action>) {
        if let Some(saver) = self.private.as_ref().and_then(|p| p.saver.as_ref()) {
            saver.flush();
        }
        if let Some(saver) = self.groups.saver() {
            saver.flush();
        }
        self.collect_results(queue);
        queue.push_back(Action::SavesFinished);
    }

    /// Starts ending: everything is saved and the app exits, asking nothing.
    fn end(&mut self, why: Ending, queue: &mut VecDeque<Action>) {
        if self.ending.is_none() {
            self.ending = Some(why);
            queue.push_back(Action::Terminate);
        }
    }

    /// How the loop's end is reported: a lost terminal is an error; a
    /// signal (the window closed) is not.
    fn ended(&mut self) -> Result<()> {
        match self.ending.take() {
            Some(Ending::TerminalLost(error)) => Err(error),
            _ => Ok(()),
        }
    }

    /// After a panic: writes what is open straight to disk, editors
    /// included, and says whether it worked (never what it holds).
    fn rescue(&self, app: &mut App) {
        let private = self.private.as_ref().map(|p| &p.sessions.store.records);
        let rescued = super::rescue::everything(app, private, self.groups.records());
        eprintln!("{}", rescued.message());
    }
}
