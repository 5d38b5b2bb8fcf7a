"""Full-window pages: welcome (first start), unlock (later starts and after a lock)."""
