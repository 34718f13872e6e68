"""The Qt counter app: widgets, views and workers over the pos_loyalty core."""
