//! A desktop notification when a break is due, when the machine has a notification service
//! on the D-Bus session bus. No bus or no service means nothing at all: no error, no message.

use std::collections::HashMap;
use std::time::Duration;

use zbus::Connection;
use zbus::zvariant::Value;

const SERVICE: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";
/// Long enough for a bus on this machine, short enough that a stuck one delays nothing.
const PATIENCE: Duration = Duration::from_secs(2);

/// The session bus, where a notification service runs (or can be started).
#[derive(Debug, Clone)]
pub struct Desktop {
    connection: Connection,
}

impl Desktop {
    /// The user's session bus, if it has a notification service.
    pub async fn connect() -> Option<Desktop> {
        let connection = tokio::time::timeout(PATIENCE, Connection::session())
            .await
            .ok()?
            .ok()?;
        Desktop::with_service(connection).await
    }

    /// The bus at `address`, if it has a notification service.
    pub async fn connect_to(address: &str) -> Option<Desktop> {
        let connecting = zbus::connection::Builder::address(address).ok()?.build();
        let connection = tokio::time::timeout(PATIENCE, connecting)
            .await
            .ok()?
            .ok()?;
        Desktop::with_service(connection).await
    }

    async fn with_service(connection: Connection) -> Option<Desktop> {
        let running: bool = bus_call(&connection, "NameHasOwner", &(SERVICE,)).await?;
        let startable = || async {
            let names: Vec<String> = bus_call(&connection, "ListActivatableNames", &()).await?;
            Some(names.iter().any(|name| name == SERVICE))
        };
        (running || startable().await == Some(true)).then_some(Desktop { connection })
    }

    /// Shows `text` as a notification; sent in the background, and a failure is no news.
    pub fn notify(&self, text: &str) {
        let connection = self.connection.clone();
        let body = crate::format::printable(text).into_owned();
        tokio::spawn(async move {
            let hints: HashMap<&str, Value> = HashMap::new();
            // app name, id to replace, icon, summary, body, actions, hints, expiry (default).
            let arguments = (
                "supple",
                0u32,
                "",
                "supple breaks",
                body,
                Vec::<&str>::new(),
                hints,
                -1i32,
            );
            let call =
                connection.call_method(Some(SERVICE), PATH, Some(SERVICE), "Notify", &arguments);
            let _ = tokio::time::timeout(PATIENCE * 5, call).await;
        });
    }
}

/// A method of the bus itself, its reply read as `T`; `None` on any failure.
async fn bus_call<B, T>(connection: &Connection, method: &str, body: &B) -> Option<T>
where
    B: serde::Serialize + zbus::zvariant::DynamicType,
    T: for<'d> serde::Deserialize<'d> + zbus::zvariant::Type,
{
    let call = connection.call_method(
        Some("org.freedesktop.DBus"),
        "/org/freedesktop/DBus",
        Some("org.freedesktop.DBus"),
        method,
        body,
    );
    let reply = tokio::time::timeout(PATIENCE, call).await.ok()?.ok()?;
    reply.body().deserialize().ok()
}

#[cfg(test)]
mod tests {
    use std::io::{BufRead, BufReader};
    use std::process::{Child, Command, Stdio};

    use tokio::sync::mpsc;

    use super::*;

    /// A private session bus (dbus-daemon, installed by `.ci/setup`), killed when dropped.
    struct Bus {
        daemon: Child,
        address: String,
    }

    impl Bus {
        fn start() -> Bus {
            let mut daemon = Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--nopidfile", "--print-address=1"])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("dbus-daemon runs (.ci/setup installs it)");
            let mut address = String::new();
            let stdout = daemon.stdout.take().expect("stdout");
            BufReader::new(stdout)
                .read_line(&mut address)
                .expect("an address");
            Bus {
                daemon,
                address: address.trim().to_string(),
            }
        }
    }

    impl Drop for Bus {
        fn drop(&mut self) {
            let _ = self.daemon.kill();
            let _ = self.daemon.wait();
        }
    }

    /// A notification service that hands on each notification's summary and body.
    struct Notifications(mpsc::UnboundedSender<(String, String)>);

    #[zbus::interface(name = "org.freedesktop.Notifications")]
    impl Notifications {
        #[allow(clippy::too_many_arguments)]
        fn notify(
            &self,
            _app: String,
            _replaces: u32,
            _icon: String,
            summary: String,
            body: String,
            _actions: Vec<String>,
            _hints: HashMap<String, zbus::zvariant::OwnedValue>,
            _expire: i32,
        ) -> u32 {
            let _ = self.0.send((summary, body));
            1
        }
    }

    #[tokio::test]
    async fn a_due_break_is_a_notification_when_the_bus_has_the_service() {
        let bus = Bus::start();
        let (sender, mut seen) = mpsc::unbounded_channel();
        let _service = zbus::connection::Builder::address(bus.address.as_str())
            .unwrap()
            .name(SERVICE)
            .unwrap()
            .serve_at(PATH, Notifications(sender))
            .unwrap()
            .build()
            .await
            .unwrap();
        let desktop = Desktop::connect_to(&bus.address)
            .await
            .expect("the service is there");
        desktop.notify("Time to move: Movement break (1 min 54 s)");
        let notification = tokio::time::timeout(Duration::from_secs(10), seen.recv()).await;
        assert_eq!(
            notification.expect("a notification arrives").expect("one"),
            (
                "supple breaks".to_string(),
                "Time to move: Movement break (1 min 54 s)".to_string()
            )
        );
    }

    #[tokio::test]
    async fn no_service_or_no_bus_means_no_notifications() {
        let bus = Bus::start();
        assert!(Desktop::connect_to(&bus.address).await.is_none());
        assert!(
            Desktop::connect_to("unix:path=/nonexistent/bus")
                .await
                .is_none()
        );
    }
}
