"""The app's look: calm, dense, legible; one style sheet, no per-widget colours."""

STYLE = """
QWidget { font-size: 13px; color: #1f2933; }
QMainWindow, QStackedWidget { background: #f5f6f8; }
QFrame#card { background: white; border: 1px solid #d9dde3; border-radius: 8px; padding: 18px; }
QLabel#title { font-size: 20px; font-weight: 600; color: #102a43; }
QLabel#subtitle { font-size: 15px; font-weight: 600; color: #243b53; }
QLabel#muted { color: #627d98; }
QLabel#error { color: #b42318; }
QLabel#figure { font-size: 22px; font-weight: 600; color: #102a43; }
QLabel#badge { border-radius: 9px; padding: 2px 8px; color: white; background: #486581; }
QPushButton { padding: 5px 12px; border: 1px solid #bcccdc; border-radius: 5px; background: white; }
QPushButton:hover { background: #f0f4f8; }
QPushButton#primary { background: #1d4e89; color: white; border-color: #1d4e89; }
QPushButton#primary:disabled { background: #9fb3c8; border-color: #9fb3c8; }
QListWidget#nav { background: #102a43; color: #d9e2ec; border: none; font-size: 14px; }
QListWidget#nav::item { padding: 10px 14px; }
QListWidget#nav::item:selected { background: #1d4e89; color: white; }
QTableView { background: white; gridline-color: #eef1f4; selection-background-color: #d6e4f5;
             selection-color: #102a43; border: 1px solid #d9dde3; }
QHeaderView::section { background: #f0f4f8; border: none; border-bottom: 1px solid #d9dde3;
                       padding: 4px 6px; font-weight: 600; }
QLineEdit, QComboBox, QDateEdit, QPlainTextEdit { padding: 4px 6px; border: 1px solid #bcccdc;
                       border-radius: 4px; background: white; }
QTabWidget::pane { border: 1px solid #d9dde3; background: white; }
QStatusBar { background: #e4e7eb; }
"""

TIER_COLOURS = {"private": "#7c5e10", "wealth": "#1d4e89", "vip": "#2f7d5b", "mass": "#627d98"}
RISK_COLOURS = {"C1": "#2f7d5b", "C2": "#5a9e3c", "C3": "#c28a00", "C4": "#d9660b", "C5": "#b42318"}
